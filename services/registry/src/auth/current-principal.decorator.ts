export { CurrentPrincipal, CurrentViewer } from '@dpi/auth';
