export { createAuth, type AuthApp } from './auth';
export { createTrpcHandler } from './trpc-handler';
