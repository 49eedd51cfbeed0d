export { cx } from './cx';
export {
  Button,
  buttonClasses,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from './components/button';
export { Field, Input, type FieldProps, type InputProps } from './components/field';
export { Card } from './components/card';
export { Alert, type AlertProps, type AlertTone } from './components/alert';
export { PageHeader, type PageHeaderProps } from './components/page-header';
export { Badge, type BadgeTone } from './components/badge';
export { QuoteLinesTable, type QuoteLinesTableProps } from './components/quote-lines-table';
export {
  DEFAULT_LOCALE,
  currencyFractionDigits,
  formatDateTime,
  formatMoney,
  formatMoneyCode,
  formatTime,
  type Money,
} from './format';
export { formText } from './form';
// The seat map is a client module: it has its own entry, '@tessera/ui/seat-map', so that pages
// importing anything else from here do not ship it.
