export { FormMessage } from '@/components/ui/form-message';
