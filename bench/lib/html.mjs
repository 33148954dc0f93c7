// Reading built HTML, and making static copies of the app's screens.

export function attr(tag, name) {
  const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

/**
 * A screen as a static page: the HTML minus every script and preload, so the
 * browser shows the markup with its CSS and runs nothing. For the home page
 * ("the limit") the markup is index.html's prerendered first screen; for the
 * deep link it is the DOM the app rendered.
 */
export function staticPage(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) => (/^(modulepreload|preload)$/i.test(attr(tag, 'rel') ?? '') ? '' : tag));
}

/** The text a page's body shows without scripts ('' when it would be blank). */
export function bodyText(html) {
  return (html.match(/<body\b[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? '')
    .replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '')
    .replace(/<[^>]*>/g, '')
    .trim();
}
