/**
 * Words a person reads belong in the message catalogs (src/i18n/messages), not in code: this
 * rule reports JSX text with letters in it, and string literals in the attributes people read
 * or hear (aria-label, title, placeholder, alt, label…). Brand names and symbols go through
 * `allowed`. Applied to the parts of the UI already translated (eslint.config.mjs), a list
 * that grows until it is all of src (issue 20).
 */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const LETTER = /\p{L}/u;

/** @type {import('eslint').Rule.RuleModule} */
export const noUntranslatedText = {
  meta: {
    type: 'problem',
    docs: { description: 'Text a person reads comes from the message catalogs' },
    schema: [{ type: 'object', properties: { allowed: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      text: 'Untranslated text "{{text}}": put it in src/i18n/messages (en.json and ko.json) and use t().',
      attribute: 'Untranslated {{name}} "{{text}}": put it in src/i18n/messages (en.json and ko.json) and use t().',
    },
  },
  create(context) {
    const allowed = new Set(context.options[0]?.allowed ?? []);
    const readable = (text) => LETTER.test(text) && !allowed.has(text.trim());
    return {
      JSXText(node) {
        if (readable(node.value)) context.report({ node, messageId: 'text', data: { text: node.value.trim().slice(0, 40) } });
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        const value =
          node.value.type === 'Literal'
            ? node.value.value
            : node.value.type === 'JSXExpressionContainer' && node.value.expression.type === 'Literal'
              ? node.value.expression.value
              : undefined;
        if (typeof value === 'string' && readable(value)) context.report({ node, messageId: 'attribute', data: { name, text: value.slice(0, 40) } });
      },
      // {'Sign in'} or {`Sign in`} inside JSX is text all the same.
      'JSXExpressionContainer > Literal'(node) {
        if (node.parent.parent.type !== 'JSXAttribute' && typeof node.value === 'string' && readable(node.value))
          context.report({ node, messageId: 'text', data: { text: node.value.slice(0, 40) } });
      },
    };
  },
};
