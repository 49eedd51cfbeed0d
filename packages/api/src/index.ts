export { appRouter, type AppRouter, type RouterInputs, type RouterOutputs } from './router';
export { createContext, type Actor, type Context, type CreateContextOptions } from './context';
export { createCallerFactory } from './trpc';
export { AppError, APP_ERROR_CODES, type AppErrorCode } from './errors';
export { serverResources } from './resources';
export { roleCan, type Permission, type Role } from './domain/access/permissions';
export { createServerCaller, type SessionLike } from './server-caller';
