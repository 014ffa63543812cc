export {
  InternalActionButton,
  InternalActions,
  type InternalActionButtonProps,
  type InternalActionSpec,
  type InternalActionsProps,
} from './internal-action-button';
