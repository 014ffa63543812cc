/** Word lists for the blog demo: titles, bodies and comments are composed from these. */

export const TOPICS = [
  'PostgreSQL', 'TypeScript', 'Kubernetes', 'Remote Work', 'Sourdough Baking', 'Trail Running',
  'Urban Gardening', 'Product Management', 'Code Review', 'Technical Debt', 'Observability',
  'Database Indexes', 'Home Espresso', 'Bike Commuting', 'Personal Finance', 'Open Source',
  'Team Onboarding', 'Feature Flags', 'Cold Brew', 'Minimalist Travel', 'Small Teams',
  'Side Projects', 'Incident Response', 'Accessibility', 'CSS Grid', 'Rust', 'Event Sourcing',
  'Home Networking', 'Film Photography', 'Houseplants',
] as const;

export const VERBS = [
  'Get Started with', 'Master', 'Debug', 'Speed Up', 'Teach', 'Automate', 'Rethink',
  'Simplify', 'Measure', 'Fall in Love with', 'Budget for', 'Explain',
] as const;

export const ADJECTIVES = [
  'Practical', 'Honest', 'Opinionated', 'Beginner-Friendly', 'Definitive', 'Pragmatic',
  'Surprising', 'Minimal', 'Boring', 'Field-Tested', 'Unofficial', 'Short',
] as const;

export const SUBTITLES = [
  'Lessons from Production', 'What Nobody Tells You', 'A Year in Review', 'Mistakes I Made',
  'Notes from the Field', 'The Long Version', 'Start Here', 'A Checklist', 'Questions and Answers',
  'The Parts That Hurt', 'Six Months Later', 'A Second Look',
] as const;

/** Completes "Why <topic> …". */
export const PREDICATES = [
  'Is Harder Than It Looks', 'Still Matters', 'Deserves a Second Look', 'Is Not the Problem',
  'Keeps Surprising Me', 'Is Worth Learning', 'Needs Better Defaults', 'Is Easier Than You Think',
] as const;

export const SERIES = ['Weekend Projects', 'Postmortems', 'From Scratch', 'Reader Questions', 'Tools I Use'] as const;

export const SENTENCES = [
  'We started with the simplest thing that could possibly work.',
  'It worked surprisingly well for the first few months.',
  'Then the edge cases started to pile up, one support ticket at a time.',
  'The documentation is good, but it assumes you already know the vocabulary.',
  'Most of the time went into understanding the problem, not writing code.',
  'I measured before and after, and the difference was hard to ignore.',
  'If you only take one thing away from this post, make it this one.',
  'There is no silver bullet here, only trade-offs you can live with.',
  'A colleague pointed out something I had completely missed.',
  'The numbers below come from a small sample, so take them with a grain of salt.',
  'Writing it down forced me to admit what I did not understand yet.',
  'We rolled the change out gradually and kept an eye on the dashboards.',
  'Nothing broke, which was almost more suspicious than a loud failure.',
  'The boring solution turned out to be the right one again.',
  'Looking back, the warning signs were there from the very beginning.',
  'It is easy to over-engineer this, so resist the temptation early.',
  'Small, frequent steps beat one heroic rewrite every single time.',
  'Readers asked for a follow-up, so here it is.',
  'I tried three different approaches before settling on this one.',
  'The first version was slow, the second one was wrong, the third one shipped.',
  'Every team I have worked with solved this slightly differently.',
  'Good defaults matter more than clever configuration.',
  'Most problems became obvious once we had proper logging.',
  'The hardest part was convincing everyone that it was worth the effort.',
  'I would do it again, but I would start with the tests this time.',
  'Your mileage may vary, but this has held up for us so far.',
  'A checklist on the wall did more than any tool we bought.',
  'This is the part where most tutorials stop, and where the real work begins.',
] as const;

export const COMMENTS = [
  'Great write-up, thanks for sharing!',
  'This saved me hours of digging.',
  'I disagree with the second point, though.',
  'Do you have the benchmark code somewhere?',
  'We ran into exactly the same issue last year.',
  'Bookmarked for the next time this bites me.',
  'Could you expand on the trade-offs a bit more?',
  'Clear and to the point. More of this please.',
  'Small typo in the third paragraph, otherwise excellent.',
  'How does this hold up with a bigger team?',
  'Tried it this weekend and it worked on the first attempt.',
  'Not sure this scales, but it is a nice starting point.',
  'The part about defaults really resonated with me.',
  'Looking forward to the follow-up post!',
  'Any reason you did not go with the obvious alternative?',
  'Shared this with my whole team.',
] as const;

export const ROLES = [
  'Backend engineer', 'Staff engineer', 'Freelance writer', 'Engineering manager', 'Home cook',
  'Data engineer', 'Designer', 'Product manager', 'Hobby photographer', 'SRE',
] as const;

export const CITIES = ['Berlin', 'Lisbon', 'Amsterdam', 'Lyon', 'Kraków', 'Dublin', 'Milan', 'Vienna', 'Toronto', 'Austin'] as const;

/** Exactly the tag vocabulary; posts.tags holds their slugs. */
export const TAG_NAMES = [
  'PostgreSQL', 'TypeScript', 'JavaScript', 'Rust', 'Go', 'Python', 'DevOps', 'Kubernetes',
  'Databases', 'Performance', 'Security', 'Testing', 'Architecture', 'Career', 'Management',
  'Remote Work', 'Open Source', 'Tutorial', 'Opinion', 'Release Notes', 'Design', 'Accessibility',
  'CSS', 'Frontend', 'Backend', 'Cloud', 'Observability', 'Incidents', 'Data Engineering',
  'Machine Learning', 'Cooking', 'Baking', 'Coffee', 'Travel', 'Running', 'Cycling', 'Gardening',
  'Photography', 'Books', 'Personal Finance',
] as const;
