/**
 * The panel's side of the protocol: sends a request and checks the answer's shape, so a bad answer
 * (or none: the worker was restarting) is an error value, never an exception or `any`.
 */
import * as z from 'zod/mini';
import { type PanelRequest, type PanelResponses, type Result, appErrorSchema, panelResponseSchemas } from './protocol';

export type SendMessage = (message: unknown) => Promise<unknown>;

export async function sendPanelRequest<T extends PanelRequest['type']>(
  send: SendMessage,
  request: Extract<PanelRequest, { type: T }>,
): Promise<Result<PanelResponses[T]>> {
  const type: T = request.type as T;
  const schema = z.union([
    z.object({ ok: z.literal(true), data: panelResponseSchemas[type] }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
  let answer: unknown;
  try {
    answer = await send(request);
  } catch (error) {
    return { ok: false, error: { code: 'internal', detail: error instanceof Error ? error.message : String(error) } };
  }
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data as Result<PanelResponses[T]>;
  return { ok: false, error: { code: 'internal', detail: 'the background sent an answer of the wrong shape' } };
}
