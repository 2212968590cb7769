// The signed-in session, attached to each request by the authenticate middleware.
import type { ActiveSession } from '../accounts/accounts.service';

declare global {
  namespace Express {
    interface Request {
      auth?: ActiveSession;
    }
  }
}
