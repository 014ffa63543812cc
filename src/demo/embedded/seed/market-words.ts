/** Word lists and address formats for the market demo. */
import { between, literal, pick } from './sql';

/** Product nouns per category: a product's name always matches its main category. */
export const CATEGORY_NOUNS: Record<string, readonly string[]> = {
  electronics: ['Wireless Earbuds', 'USB-C Charger', 'Bluetooth Speaker', 'Smart Plug', 'Mechanical Keyboard', 'Webcam', 'Power Bank'],
  home: ['Throw Blanket', 'Scented Candle', 'Wall Clock', 'Picture Frame', 'Storage Basket', 'Doormat', 'Cushion Cover'],
  kitchen: ["Chef's Knife", 'Cast Iron Skillet', 'French Press', 'Cutting Board', 'Salad Bowl', 'Espresso Cups', 'Spice Rack'],
  garden: ['Watering Can', 'Pruning Shears', 'Planter', 'Garden Hose', 'Bird Feeder', 'Solar Lantern'],
  outdoor: ['Camping Stove', 'Hiking Backpack', 'Tent', 'Sleeping Bag', 'Headlamp', 'Water Bottle'],
  sports: ['Yoga Mat', 'Running Socks', 'Resistance Bands', 'Jump Rope', 'Foam Roller', 'Dumbbell Set'],
  office: ['Notebook', 'Fountain Pen', 'Desk Organizer', 'Monitor Stand', 'Desk Lamp', 'Letter Tray'],
  toys: ['Jigsaw Puzzle', 'Building Blocks', 'Plush Bear', 'Wooden Train', 'Kite', 'Board Game'],
  fashion: ['Wool Scarf', 'Beanie', 'Leather Belt', 'Tote Bag', 'Sunglasses', 'Wallet'],
  beauty: ['Face Cream', 'Shampoo Bar', 'Lip Balm', 'Hand Soap', 'Bath Salts'],
  pets: ['Dog Leash', 'Cat Tree', 'Pet Bed', 'Chew Toy', 'Food Bowl'],
};
export const CATEGORIES = Object.keys(CATEGORY_NOUNS);

export const PRODUCT_ADJECTIVES = [
  'Classic',
  'Compact',
  'Premium',
  'Eco',
  'Everyday',
  'Deluxe',
  'Mini',
  'Pro',
  'Vintage',
  'Nordic',
  'Urban',
  'Essential',
] as const;

export const COLORS = ['Black', 'White', 'Sage Green', 'Navy', 'Terracotta', 'Oak', 'Walnut', 'Steel', 'Sand', 'Charcoal'] as const;

export const PRODUCT_BLURBS = [
  'Designed in Europe and built to last.',
  'Ships in recyclable packaging.',
  'Backed by a two-year warranty.',
  'A customer favourite since launch.',
  'Made from responsibly sourced materials.',
  'Small enough to take anywhere.',
  'Pairs well with the rest of the collection.',
] as const;

export const ORDER_NOTES = [
  'Please leave at the door.',
  'Gift wrap, please.',
  'Call before delivery.',
  'Deliver to the neighbour if nobody is home.',
  'Invoice to the company address, please.',
  'Fragile, handle with care!',
] as const;

interface Country {
  /** Relative share of customers. */
  weight: number;
  cities: readonly string[];
  streets: readonly string[];
  /** "12 High Street" rather than "Hauptstraße 12". */
  numberFirst: boolean;
  /** 9 = digit, A = letter, anything else is kept. */
  postal: string;
}

export const COUNTRIES: Record<string, Country> = {
  DE: {
    weight: 18,
    cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Leipzig'],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Lindenallee'],
    numberFirst: false,
    postal: '99999',
  },
  FR: {
    weight: 14,
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Nantes'],
    streets: ['rue de la République', 'avenue Victor Hugo', 'boulevard Voltaire', 'rue des Lilas'],
    numberFirst: true,
    postal: '99999',
  },
  NL: {
    weight: 8,
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven'],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Prinsengracht'],
    numberFirst: false,
    postal: '9999 AA',
  },
  ES: {
    weight: 9,
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Málaga'],
    streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia'],
    numberFirst: false,
    postal: '99999',
  },
  IT: {
    weight: 9,
    cities: ['Roma', 'Milano', 'Torino', 'Bologna', 'Firenze'],
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Dante'],
    numberFirst: false,
    postal: '99999',
  },
  BE: {
    weight: 4,
    cities: ['Bruxelles', 'Antwerpen', 'Gent', 'Liège'],
    streets: ['Rue Neuve', 'Kerkstraat', 'Avenue Louise'],
    numberFirst: false,
    postal: '9999',
  },
  AT: {
    weight: 4,
    cities: ['Wien', 'Graz', 'Linz', 'Salzburg'],
    streets: ['Mariahilfer Straße', 'Kirchengasse', 'Hauptplatz'],
    numberFirst: false,
    postal: '9999',
  },
  PL: {
    weight: 6,
    cities: ['Warszawa', 'Kraków', 'Wrocław', 'Gdańsk', 'Poznań'],
    streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Piotrkowska'],
    numberFirst: false,
    postal: '99-999',
  },
  SE: {
    weight: 4,
    cities: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala'],
    streets: ['Drottninggatan', 'Storgatan', 'Kungsgatan'],
    numberFirst: false,
    postal: '999 99',
  },
  IE: {
    weight: 3,
    cities: ['Dublin', 'Cork', 'Galway', 'Limerick'],
    streets: ['Main Street', 'Church Road', "O'Connell Street"],
    numberFirst: true,
    postal: 'A99 A9A9',
  },
  GB: {
    weight: 8,
    cities: ['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh'],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
    numberFirst: true,
    postal: 'AA9 9AA',
  },
  US: {
    weight: 5,
    cities: ['New York', 'Austin', 'Seattle', 'Chicago', 'Denver'],
    streets: ['Main St', 'Oak Ave', 'Maple Dr', 'Elm St'],
    numberFirst: true,
    postal: '99999',
  },
};

/** Country codes repeated by weight, so a uniform pick from it follows the weights. */
export const WEIGHTED_COUNTRIES = Object.entries(COUNTRIES).flatMap(([code, c]) => Array<string>(c.weight).fill(code));

/** SQL for a postal code following `pattern`, one hash per generated character. */
function postalSql(pattern: string, seed: string, salt: number): string {
  const parts = [...pattern].map((ch, i) => {
    if (ch === '9') return `chr(48 + ${between(seed, salt + i, 0, 9)})`;
    if (ch === 'A') return `chr(65 + ${between(seed, salt + i, 0, 25)})`;
    return literal(ch);
  });
  return parts.join(' || ');
}

/**
 * SQL for a jsonb shipping address in the country given by `countryExpr`, formatted the way
 * that country writes addresses. Seeded by `seed` (the customer id), so a customer keeps one
 * address across all their orders.
 */
export function addressSql(countryExpr: string, seed: string): string {
  const branches = Object.entries(COUNTRIES).map(([code, c]) => {
    const street = pick(c.streets, seed, 70);
    const num = `${between(seed, 71, 1, 180)}::text`;
    const line1 = c.numberFirst ? `${num} || ' ' || ${street}` : `${street} || ' ' || ${num}`;
    return `WHEN '${code}' THEN jsonb_build_object('line1', ${line1}, 'city', ${pick(c.cities, seed, 72)},
              'postal_code', ${postalSql(c.postal, seed, 80)})`;
  });
  return `(CASE ${countryExpr} ${branches.join('\n')} END)`;
}
