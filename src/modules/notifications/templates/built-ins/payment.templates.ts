import { TemplateKey } from '../../notification.types';
import { variable, VariableKind as K } from '../template-variables';
import { button, email, lines, sms, type BuiltInTemplate } from './built-in-template';
import { CUSTOMER_VARIABLES } from './common-variables';

const INVOICE_LINK = variable(
  'invoice.url',
  K.url,
  'Where the customer can view the document (may be empty)',
  'https://chatgrow.example/i/7Hq2',
);

/** A payment asked of the customer (its page link), a payment's receipt (its invoice is attached by the sender) and an issued invoice. */
export const PAYMENT_TEMPLATES: BuiltInTemplate[] = [
  {
    key: TemplateKey.paymentRequest,
    description: "To the customer, with the link to the payment's hosted page (sent on request from the payment)",
    variables: [
      ...CUSTOMER_VARIABLES,
      variable('payment.amount', K.agorot, 'Amount in agorot: `{{ payment.amount | money }}`', 12000),
      variable('payment.description', K.text, 'What it is for', { he: 'תספורת', en: 'Haircut' }),
      variable('payment.url', K.url, 'The payment page', 'https://chatgrow.example/sandbox/pay/7Hq2'),
      variable('payment.expiresAt', K.instant, 'Until when the link works (ISO instant)', '2026-05-04T08:20:00.000Z'),
    ],
    sources: {
      email: {
        he: email(
          'בקשת תשלום: {{ payment.amount | money }} ל{{ business.name }}',
          lines(
            'שלום {{ customer.firstName }},',
            '',
            'לתשלום של {{ payment.amount | money }} עבור {{ payment.description }}:',
            '{{ payment.url }}',
            '',
            "הקישור בתוקף עד {{ payment.expiresAt | date: 'long' }} בשעה {{ payment.expiresAt | time }}.",
            '',
            'תודה,',
            '{{ business.name }}',
          ),
          lines(
            '<p>שלום {{ customer.firstName }},</p>',
            '<p>לתשלום של {{ payment.amount | money }} עבור {{ payment.description }}:</p>',
            button('payment.url', 'לתשלום'),
            "<p>הקישור בתוקף עד {{ payment.expiresAt | date: 'long' }} בשעה {{ payment.expiresAt | time }}.</p>",
            '<p>תודה,<br>{{ business.name }}</p>',
          ),
        ),
        en: email(
          'Payment request: {{ payment.amount | money }} to {{ business.name }}',
          lines(
            'Hello {{ customer.firstName }},',
            '',
            'To pay {{ payment.amount | money }} for {{ payment.description }}:',
            '{{ payment.url }}',
            '',
            "The link works until {{ payment.expiresAt | date: 'long' }} at {{ payment.expiresAt | time }}.",
            '',
            'Thank you,',
            '{{ business.name }}',
          ),
          lines(
            '<p>Hello {{ customer.firstName }},</p>',
            '<p>To pay {{ payment.amount | money }} for {{ payment.description }}:</p>',
            button('payment.url', 'Pay now'),
            "<p>The link works until {{ payment.expiresAt | date: 'long' }} at {{ payment.expiresAt | time }}.</p>",
            '<p>Thank you,<br>{{ business.name }}</p>',
          ),
        ),
      },
      sms: {
        he: sms(
          '{{ customer.firstName }}, לתשלום {{ payment.amount | money }} ל{{ business.name }} עבור {{ payment.description }}: {{ payment.url }}',
        ),
        en: sms(
          '{{ customer.firstName }}, to pay {{ payment.amount | money }} to {{ business.name }} for {{ payment.description }}: {{ payment.url }}',
        ),
      },
    },
  },
  {
    key: TemplateKey.paymentReceipt,
    description: 'To the customer when a payment succeeds; the invoice/receipt document is attached',
    variables: [
      ...CUSTOMER_VARIABLES,
      variable('payment.amount', K.agorot, 'Amount paid in agorot: `{{ payment.amount | money }}`', 12000),
      variable('payment.paidAt', K.instant, 'When it was paid (ISO instant)', '2026-05-03T08:20:00.000Z'),
      variable('payment.description', K.text, 'What was paid for (may be empty)', { he: 'תספורת', en: 'Haircut' }),
      variable('payment.method', K.text, 'How it was paid (may be empty)', { he: 'כרטיס אשראי', en: 'Credit card' }),
      variable('invoice.number', K.text, 'The attached document’s number (may be empty)', '10023'),
      INVOICE_LINK,
    ],
    sources: {
      email: {
        he: email(
          'אישור תשלום: {{ payment.amount | money }} ל{{ business.name }}',
          lines(
            'שלום {{ customer.firstName }},',
            '',
            'קיבלנו את התשלום שלך, תודה!',
            '',
            'סכום: {{ payment.amount | money }}',
            "תאריך: {{ payment.paidAt | date: 'long' }} בשעה {{ payment.paidAt | time }}",
            '{%- if payment.description %}',
            'עבור: {{ payment.description }}',
            '{%- endif %}',
            '{%- if payment.method %}',
            'אמצעי תשלום: {{ payment.method }}',
            '{%- endif %}',
            '{%- if invoice.number %}',
            '',
            'חשבונית מספר {{ invoice.number }} מצורפת להודעה זו.',
            '{%- endif %}',
            '',
            'בברכה,',
            '{{ business.name }}',
          ),
          lines(
            '<p>שלום {{ customer.firstName }},</p>',
            '<p>קיבלנו את התשלום שלך, תודה!</p>',
            '<p><strong>סכום:</strong> {{ payment.amount | money }}<br>' +
              "<strong>תאריך:</strong> {{ payment.paidAt | date: 'long' }} בשעה {{ payment.paidAt | time }}" +
              '{% if payment.description %}<br><strong>עבור:</strong> {{ payment.description }}{% endif %}' +
              '{% if payment.method %}<br><strong>אמצעי תשלום:</strong> {{ payment.method }}{% endif %}</p>',
            '{% if invoice.number %}<p>חשבונית מספר {{ invoice.number }} מצורפת להודעה זו.</p>{% endif %}',
            '<p>בברכה,<br>{{ business.name }}</p>',
          ),
        ),
        en: email(
          'Payment received: {{ payment.amount | money }} to {{ business.name }}',
          lines(
            'Hello {{ customer.firstName }},',
            '',
            'We received your payment, thank you!',
            '',
            'Amount: {{ payment.amount | money }}',
            "Date: {{ payment.paidAt | date: 'long' }} at {{ payment.paidAt | time }}",
            '{%- if payment.description %}',
            'For: {{ payment.description }}',
            '{%- endif %}',
            '{%- if payment.method %}',
            'Paid by: {{ payment.method }}',
            '{%- endif %}',
            '{%- if invoice.number %}',
            '',
            'Invoice {{ invoice.number }} is attached to this message.',
            '{%- endif %}',
            '',
            'Best regards,',
            '{{ business.name }}',
          ),
          lines(
            '<p>Hello {{ customer.firstName }},</p>',
            '<p>We received your payment, thank you!</p>',
            '<p><strong>Amount:</strong> {{ payment.amount | money }}<br>' +
              "<strong>Date:</strong> {{ payment.paidAt | date: 'long' }} at {{ payment.paidAt | time }}" +
              '{% if payment.description %}<br><strong>For:</strong> {{ payment.description }}{% endif %}' +
              '{% if payment.method %}<br><strong>Paid by:</strong> {{ payment.method }}{% endif %}</p>',
            '{% if invoice.number %}<p>Invoice {{ invoice.number }} is attached to this message.</p>{% endif %}',
            '<p>Best regards,<br>{{ business.name }}</p>',
          ),
        ),
      },
      sms: {
        he: sms(
          '{{ customer.firstName }}, התקבל תשלום של {{ payment.amount | money }} ל{{ business.name }}. תודה!{% if invoice.url %} חשבונית: {{ invoice.url }}{% endif %}',
        ),
        en: sms(
          '{{ customer.firstName }}, we received your payment of {{ payment.amount | money }} to {{ business.name }}. Thank you!{% if invoice.url %} Invoice: {{ invoice.url }}{% endif %}',
        ),
      },
    },
  },
  {
    key: TemplateKey.invoiceIssued,
    description: 'To the customer when an invoice is issued; the PDF is attached',
    variables: [
      ...CUSTOMER_VARIABLES,
      variable('invoice.number', K.text, "The document's number", '10023'),
      variable('invoice.type', K.text, 'The kind of document, as its title reads', { he: 'חשבונית מס קבלה', en: 'Tax invoice-receipt' }),
      variable('invoice.total', K.agorot, 'Total in agorot, VAT included: `{{ invoice.total | money }}`', 12000),
      variable('invoice.issuedAt', K.instant, 'When it was issued (ISO instant)', '2026-05-03T08:20:00.000Z'),
      INVOICE_LINK,
    ],
    sources: {
      email: {
        he: email(
          '{{ invoice.type }} מספר {{ invoice.number }} מ{{ business.name }}',
          lines(
            'שלום {{ customer.firstName }},',
            '',
            "מצורפת {{ invoice.type }} מספר {{ invoice.number }} על סך {{ invoice.total | money }}, מתאריך {{ invoice.issuedAt | date: 'long' }}.",
            '{%- if invoice.url %}',
            'אפשר לצפות בה גם כאן: {{ invoice.url }}',
            '{%- endif %}',
            '',
            'תודה,',
            '{{ business.name }}',
          ),
          lines(
            '<p>שלום {{ customer.firstName }},</p>',
            "<p>מצורפת {{ invoice.type }} מספר {{ invoice.number }} על סך {{ invoice.total | money }}, מתאריך {{ invoice.issuedAt | date: 'long' }}.</p>",
            `{% if invoice.url %}${button('invoice.url', 'לצפייה במסמך')}{% endif %}`,
            '<p>תודה,<br>{{ business.name }}</p>',
          ),
        ),
        en: email(
          '{{ invoice.type }} {{ invoice.number }} from {{ business.name }}',
          lines(
            'Hello {{ customer.firstName }},',
            '',
            "Attached is {{ invoice.type }} {{ invoice.number }} for {{ invoice.total | money }}, dated {{ invoice.issuedAt | date: 'long' }}.",
            '{%- if invoice.url %}',
            'You can also view it here: {{ invoice.url }}',
            '{%- endif %}',
            '',
            'Thank you,',
            '{{ business.name }}',
          ),
          lines(
            '<p>Hello {{ customer.firstName }},</p>',
            "<p>Attached is {{ invoice.type }} {{ invoice.number }} for {{ invoice.total | money }}, dated {{ invoice.issuedAt | date: 'long' }}.</p>",
            `{% if invoice.url %}${button('invoice.url', 'View the document')}{% endif %}`,
            '<p>Thank you,<br>{{ business.name }}</p>',
          ),
        ),
      },
      sms: {
        he: sms(
          '{{ customer.firstName }}, הופקה עבורך {{ invoice.type }} מספר {{ invoice.number }} על סך {{ invoice.total | money }}.{% if invoice.url %} לצפייה: {{ invoice.url }}{% endif %} {{ business.name }}',
        ),
        en: sms(
          '{{ customer.firstName }}, {{ invoice.type }} {{ invoice.number }} for {{ invoice.total | money }} was issued to you.{% if invoice.url %} View: {{ invoice.url }}{% endif %} {{ business.name }}',
        ),
      },
    },
  },
];
