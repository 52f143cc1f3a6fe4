import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageLocale } from '../notification.types';
import { messageFormatFor } from './locale-format';
import { parseTemplate, referencedPaths, renderTemplate, TemplateRenderError, TemplateSyntaxError, type Markup } from './template-engine';

const fmt = messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, MessageLocale.he);
const render = (source: string, scope: object, markup: Markup = 'html') =>
  renderTemplate(parseTemplate(source, markup), scope, markup, fmt);

describe('the template engine', () => {
  it('escapes every value in HTML and writes it as it is in text', () => {
    const scope = { customer: { firstName: '<script>alert("x")</script>' } };
    assert.equal(render('<p>{{ customer.firstName }}</p>', scope), '<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>');
    assert.equal(render('{{ customer.firstName }}', scope, 'text'), '<script>alert("x")</script>');
    // Filters do not switch escaping off.
    assert.equal(render('{{ customer.firstName | upcase }}', scope), '&lt;SCRIPT&gt;ALERT(&#34;X&#34;)&lt;/SCRIPT&gt;');
  });

  it('refuses `| raw` in HTML (every value stays escaped) but offers it in text', () => {
    assert.throws(() => parseTemplate('{{ customer.firstName | raw }}', 'html'), /raw filter is not allowed/);
    assert.equal(render('{{ x | raw }}', { x: '<b>' }, 'text'), '<b>');
  });

  it('refuses include, render and layout: no file or template access', () => {
    for (const source of ['{% include "/etc/passwd" %}', "{% render 'header' %}", '{% layout "base" %}', '{% block x %}{% endblock %}']) {
      for (const markup of ['html', 'text'] as const) {
        assert.throws(
          () => parseTemplate(source, markup),
          (err: Error) => err instanceof TemplateSyntaxError && /not allowed/.test(err.message),
          source,
        );
      }
    }
  });

  it('refuses unknown filters and Liquid’s server-zone date filters, naming them', () => {
    assert.throws(() => parseTemplate('{{ x | shout }}', 'text'), /Unknown filter "shout"/);
    assert.throws(() => parseTemplate('{{ x | date_to_string }}', 'text'), /Unknown filter "date_to_string"/);
    assert.throws(() => parseTemplate('{% if x %}open', 'text'), TemplateSyntaxError);
  });

  it('renders a missing value empty without throwing, also through filters', () => {
    assert.equal(
      render('[{{ customer.firstName }}][{{ nothing.here.at.all }}][{{ price | money }}][{{ at | date }}][{{ at | time }}]', {}),
      '[][][][][]',
    );
  });

  it('reads own properties only: no prototype or constructor', () => {
    assert.equal(
      render('[{{ o.constructor }}][{{ o.__proto__ }}][{{ o.toString }}][{{ s.constructor.name }}]', { o: {}, s: 'x' }, 'text'),
      '[][][][]',
    );
  });

  it('stops a template that runs too long or allocates too much', () => {
    const started = Date.now();
    assert.throws(
      () => render('{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}', {}, 'text'),
      TemplateRenderError,
    );
    assert.throws(
      () => render('{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}', {}, 'text'),
      TemplateRenderError,
    );
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  });

  it('formats with the message’s locale filters', () => {
    assert.equal(render("{{ at | date: 'short' }} {{ at | time }}", { at: '2026-05-03T07:30:00Z' }, 'text'), '3.5.2026 10:30');
  });

  it('lists the variables a template reads, not those it assigns or loops over', () => {
    const paths = referencedPaths(
      parseTemplate(
        '{% assign n = customer.firstName %}{{ n }}{% for i in items %}{{ i.name }}{{ forloop.index }}{% endfor %}{{ a[b].c }}',
        'text',
      ),
      'text',
    );
    assert.deepEqual(paths, [['customer', 'firstName'], ['items'], ['a'], ['b']]);
  });
});
