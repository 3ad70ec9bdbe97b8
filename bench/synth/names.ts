// Word lists for synthetic names. Invented country names and common given and family names,
// so search has realistic words to find (and many near-duplicates, as real data has).

export const FIELDS = [
  'Health', 'Social Affairs', 'Finance', 'Education', 'Justice', 'Defence', 'Foreign Affairs', 'Environment',
  'Agriculture', 'Transport', 'Energy', 'Labour', 'Culture', 'Interior', 'Digital Affairs', 'Trade', 'Housing',
  'Research', 'Fisheries', 'Migration', 'Public Health', 'Civil Protection', 'Statistics', 'Medicines', 'Food Safety',
  'Radiation Safety', 'Consumer Affairs', 'Competition', 'Equality', 'Youth', 'Sport', 'Tourism', 'Water', 'Forestry',
] as const;

export const AGENCY_KINDS = ['Agency', 'Authority', 'Institute', 'Board', 'Inspectorate', 'Office', 'Council', 'Centre'] as const;

export const UNIT_KINDS = ['Department', 'Unit', 'Division', 'Section', 'Secretariat'] as const;

export const TOPICS = [
  'International Affairs', 'Legal Affairs', 'Communication', 'Analysis', 'Evaluation', 'Preparedness', 'Surveillance',
  'Licensing', 'Standards', 'Data and Registers', 'Human Resources', 'Procurement', 'EU Coordination', 'Regional Support',
  'Supervision', 'Guidance', 'Research Funding', 'Crisis Management', 'Training', 'Statistics', 'IT Services', 'Budget',
] as const;

export const POST_TITLES = ['Director-General', 'Chief Officer', 'Head', 'Director', 'Chair', 'Secretary-General'] as const;

export const SYLLABLES = [
  'val', 'mor', 'ia', 'nor', 'land', 'sta', 'ria', 'ber', 'gen', 'tal', 'ost', 'vin', 'kar', 'lia', 'sun', 'dor',
  'mar', 'eth', 'ca', 'lo', 'vo', 'tra', 'sel', 'ka', 'ru', 'pe', 'lan', 'dis', 'fen', 'gar',
] as const;

export const GIVEN_NAMES = [
  'Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Mikael', 'Sara', 'Anders', 'Lena', 'Per', 'Emma', 'Jonas',
  'Ingrid', 'Mats', 'Helena', 'Olof', 'Kristina', 'Peter', 'Aino', 'Mikko', 'Laura', 'Juha', 'Sofia', 'Pierre',
  'Claire', 'Hans', 'Greta', 'Luca', 'Giulia', 'Javier', 'Lucia', 'Tomas', 'Ewa', 'Piotr', 'Olga', 'Ivan', 'Nina',
  'Ahmed', 'Fatima', 'Kwame', 'Amara', 'Hiroshi', 'Yuki', 'Wei', 'Mei', 'Rahul', 'Priya', 'Diego', 'Camila',
] as const;

export const FAMILY_NAMES = [
  'Lindqvist', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen', 'Dubois', 'Martin', 'Bernard', 'Müller', 'Schmidt',
  'Schneider', 'Rossi', 'Russo', 'Ferrari', 'García', 'Fernández', 'López', 'Nowak', 'Kowalski', 'Wiśniewski',
  'Ivanov', 'Petrov', 'Novak', 'Horvat', 'Mensah', 'Okafor', 'Tanaka', 'Suzuki', 'Wang', 'Li', 'Sharma', 'Patel',
  'Silva', 'Santos', 'Jensen', 'Hansen', 'Berg', 'Haugen', 'Jónsson', 'Murphy', 'Kelly', 'Smith', 'Brown', 'Wilson',
] as const;

/** The big international bodies that become the degree hubs, with an alias each. */
export const HUB_ORGANISATIONS: ReadonlyArray<readonly [string, string]> = [
  ['European Union', 'EU'],
  ['World Health Organization', 'WHO'],
  ['Organisation for Economic Co-operation and Development', 'OECD'],
  ['United Nations', 'UN'],
  ['Council of Europe', 'CoE'],
  ['International Labour Organization', 'ILO'],
  ['Nordic Council of Ministers', 'NCM'],
  ['World Bank', 'IBRD'],
];

export const ORGAN_KINDS = ['Committee', 'Working Group', 'Network', 'Board', 'Assembly', 'Expert Panel', 'Forum'] as const;

export const PROGRAMME_KINDS = ['Programme', 'Joint Action', 'Strategy', 'Action Plan', 'Partnership', 'Initiative'] as const;

export const TREATY_KINDS = ['Convention', 'Treaty', 'Protocol', 'Agreement', 'Charter'] as const;

export const DOCUMENT_KINDS = ['Report', 'Review', 'Evaluation', 'White Paper', 'Annual Report', 'Guidance'] as const;
