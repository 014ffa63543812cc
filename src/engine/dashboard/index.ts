/**
 * The home dashboard's data: KPI widgets (declared in src/demo/widgets.ts with defineWidget)
 * and one card per domain. Every loader answers within its own budget and never throws, so
 * a page can stream each piece behind its own Suspense boundary.
 */
export { BudgetExceededError, withinBudget } from './budget';
export { DEFAULT_WIDGET_TIMEOUT_MS, defineWidget, displayColumns, sqlProblem, toClientWidget, WidgetDefinitionError, widgetList } from './define';
export { DOMAIN_CARD_BUDGET_MS, loadDomainCard } from './domain-card';
export { canSeeWidget, findVisibleWidget, MAX_WIDGET_ROWS, runWidget, visibleWidgets, WIDGET_GRACE_MS, widgetBudgetMs } from './widgets';
export type * from './types';
