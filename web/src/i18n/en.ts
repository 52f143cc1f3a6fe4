import { customerToolsEn } from './customerTools.en';
import { appointmentsEn } from './appointments.en';
import { eventsEn } from './events.en';
import type { Catalogue } from './he';
import { homeEn } from './home.en';
import { paymentsEn } from './payments.en';
import { notificationsEn } from './notifications.en';
import { marketingEn } from './marketing.en';
import { automationsEn } from './automations.en';
import { settingsEn } from './settings.en';

/** The English messages: exactly the keys of `he.ts` (the type says so, and a unit test checks it). */
export const en: Catalogue = {
  ...paymentsEn,
  'app.name': 'ChatGrow',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.business': 'Business: {name}',

  'nav.label': 'Main navigation',
  'nav.menu': 'Menu',
  'nav.home': 'Home',
  'nav.customers': 'Customers',
  'nav.appointments': 'Appointments',
  'nav.events': 'Events',
  'nav.payments': 'Payments & invoices',
  'nav.notifications': 'Notifications',
  'nav.marketing': 'Marketing',
  'nav.settings': 'Settings',

  'lang.toggle': 'עברית',
  'lang.toggleLabel': 'החלפה לעברית',

  'auth.logout': 'Log out',

  'login.title': 'Log in to ChatGrow',
  'login.intro': 'Run your business: customers, appointments, events, payments and messages.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.failed': 'The email or password is not right.',
  'login.expiredTitle': 'Your session expired',
  'login.expired': 'Log in again to go on. What you typed is kept, and the action completes after you log in.',

  'errors.network': 'No connection to the server. Check your internet connection and try again; what you typed is kept.',
  'errors.rateLimited': 'Too many attempts. Try again in a few minutes.',
  'errors.unexpected': 'Something went wrong. You can try again; if it keeps happening, give support the id {requestId}.',
  'errors.form': 'Please correct the marked fields.',
  'errors.required': 'Required',

  'problem.customer.invalid_phone': 'The phone number is not valid.',
  'problem.customer.invalid_email': 'The email address is not valid.',
  'problem.customer.contact_required': 'Enter a phone number or an email address.',
  'problem.customer.name_required': 'Enter a first name.',
  'problem.customer.phone_taken': 'Another customer already has this phone number.',
  'problem.customer.email_taken': 'Another customer already has this email address.',

  'problem.field.phone': 'The phone number is not valid (e.g. 050-1234567).',
  'problem.field.email': 'The email address is not valid.',
  'problem.field.birthday': 'The date is not valid.',

  ...homeEn,

  'customers.title': 'Customers',
  'customers.search': 'Search by name, phone or email',
  'customers.filter': 'Show',
  'customers.filter.active': 'Active customers',
  'customers.filter.archived': 'Archived',
  'customers.filter.all': 'All',
  'customers.new': 'New customer',
  'customers.count': '{count} customers',
  'customers.empty': 'No customers match the search.',
  'customers.emptyStart': 'No customers yet. Add the first one.',
  'customers.table': 'Customer list',
  'customers.col.name': 'Name',
  'customers.col.phone': 'Phone',
  'customers.col.email': 'Email',
  'customers.col.tags': 'Tags',
  'customers.col.spend': 'Total spend',
  'customers.col.lastActivity': 'Last activity',
  'customers.col.actions': 'Actions',
  'customers.archivedBadge': 'Archived',
  'customers.edit': 'Edit',
  'customers.editOf': 'Edit {name}',
  'customers.archive': 'Archive',
  'customers.archiveOf': 'Archive {name}',
  'customers.restore': 'Restore',
  'customers.restoreOf': 'Restore {name}',
  'customers.archived': '{name} was archived.',
  'customers.restored': '{name} was restored.',
  'customers.saved': '{name} was saved.',
  'customers.created': '{name} was added to your customers.',
  'customers.prev': 'Previous',
  'customers.next': 'Next',
  'customers.page': 'Page {page} of {pages}',
  'customers.pagination': 'Pages',
  'customers.none': '—',

  'customerForm.newTitle': 'New customer',
  'customerForm.editTitle': 'Edit customer',
  'customerForm.firstName': 'First name',
  'customerForm.lastName': 'Last name',
  'customerForm.phone': 'Phone',
  'customerForm.email': 'Email',
  'customerForm.contactHint': 'Phone or email: at least one of them.',
  'customerForm.birthday': 'Birthday',
  'customerForm.address': 'Address',
  'customerForm.tags': 'Tags',
  'customerForm.tagsHint': 'Separated by commas, e.g. VIP, regular',
  'customerForm.language': "Customer's message language",
  'customerForm.notes': 'Notes',
  'customerForm.save': 'Save',
  'customerForm.saving': 'Saving…',
  'customerForm.cancel': 'Cancel',

  'lang.he': 'Hebrew',
  'lang.en': 'English',

  'notFound.title': 'Page not found',
  'notFound.back': 'Back to home',
  ...customerToolsEn,

  ...appointmentsEn,
  ...eventsEn,
  ...notificationsEn,
  ...marketingEn,
  ...automationsEn,
  ...settingsEn,
};
