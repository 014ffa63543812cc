/**
 * Word lists both demo domains draw from. A few accented names are deliberate: the admin UI
 * should show (and search) non-ASCII text in the demo, not only in production.
 */

export const FIRST_NAMES = [
  'Anna', 'Lukas', 'Sofia', 'Noah', 'Emma', 'Liam', 'Mia', 'Elias', 'Léa', 'Hugo',
  'Chloé', 'Mateo', 'Lucía', 'Pablo', 'Giulia', 'Lorenzo', 'Sara', 'Jonas', 'Maja', 'Oliver',
  'Freya', 'Jakub', 'Zofia', 'Daan', 'Fleur', 'Sean', 'Aoife', 'James', 'Olivia', 'Ethan',
  'Amelia', 'Henrik', 'Ingrid', 'Mohammed', 'Aisha', 'Yuki', 'Priya', 'Arjun', 'Chen', 'Zoë',
  'Björn', 'Nina', 'Felix', 'Clara', 'Tomás', 'Inês', 'Marek', 'Eva', 'Samuel', 'Laura',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent',
  'García', 'Fernández', 'López', 'Martínez', 'Rossi', 'Russo', 'Ferrari', 'Bianchi', 'de Jong', 'Jansen',
  'de Vries', 'Bakker', 'Nowak', 'Kowalski', 'Wiśniewski', 'Andersson', 'Johansson', 'Nielsen', 'Hansen', 'Murphy',
  "O'Brien", 'Kelly', 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Johnson', 'Williams', 'Davis',
  'Silva', 'Santos', 'Novák', 'Horváth', 'Papadopoulos', 'Yilmaz', 'Kim', 'Tanaka', 'Patel', 'Nguyen',
] as const;

/** Reserved example domains (RFC 2606), so no demo address can ever reach a real inbox. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'shop.example'] as const;
