/**
 * The API's errors: one registry of codes with their HTTP statuses, one error class that carries a code, and the
 * one function that turns any thrown value into the `{ "error": { "code", "message" } }` answer (app.onError uses
 * it). Anything that is not an ApiError or a query error is an internal error: its message and stack stay in the
 * server's log, never in the answer.
 */
import { HTTPException } from 'hono/http-exception';
import { QueryError } from '../store/queries.js';

export const ERROR_STATUS = {
  bad_request: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }
}

export const badRequest = (message: string): ApiError => new ApiError('bad_request', message);
export const notFound = (message: string): ApiError => new ApiError('not_found', message);

/** The answer for a thrown value, and whether it is one the server should log (an internal error). */
export function errorAnswer(err: unknown): { status: ErrorStatus; body: ErrorBody; internal: boolean } {
  let e: ApiError;
  if (err instanceof ApiError) e = err;
  else if (err instanceof QueryError) e = badRequest(`q: ${err.message}`);
  else if (err instanceof HTTPException && err.status === 413) e = new ApiError('payload_too_large', 'the request body is too large');
  else if (err instanceof HTTPException && err.status === 400) e = badRequest('the request is malformed');
  else e = new ApiError('internal', 'internal error');
  return { status: e.status, body: { error: { code: e.code, message: e.message } }, internal: e.code === 'internal' };
}
