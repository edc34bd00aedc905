import { describe, expect, it } from "vitest";
import { MemoryOutbox, pushPending, type SyncTransport } from "./client.js";
import { type Mutation, maxMutationsPerPush, type PushRequest } from "./protocol.js";

const hlc = "2026-11-22T07:00:00.000Z-0000-device";
const write = (n: number): Mutation => ({ id: `m${n}`, table: "tickets", op: "upsert", row: { id: `t${n}` }, hlc });
const serverHlc = "2026-11-22T08:00:00.000Z-ffff-server";

describe("pushPending", () => {
  it("sends the queue in order, in batches no larger than the protocol allows, until it is empty", async () => {
    const outbox = new MemoryOutbox();
    for (let n = 0; n < maxMutationsPerPush + 5; n++) await outbox.add(write(n));
    const sent: PushRequest[] = [];
    const transport: SyncTransport = {
      push: async (request) => {
        sent.push(request);
        return {
          acks: request.mutations.map((m) => ({ id: m.id, status: "applied" as const })),
          cursor: 0,
          hlc: serverHlc,
        };
      },
      pull: async () => ({ changes: [], cursor: 0, more: false, hlc: serverHlc }),
    };
    const count = await pushPending(outbox, transport, "device", (_batch, response) => outbox.settle(response.acks));

    expect(count).toBe(maxMutationsPerPush + 5);
    expect(sent.map((r) => r.mutations.length)).toEqual([maxMutationsPerPush, 5]);
    expect(sent[0]?.mutations[0]?.id).toBe("m0");
    expect(await outbox.pending()).toEqual([]);
  });

  it("stops when a batch gets no answer at all, instead of sending it again forever", async () => {
    const outbox = new MemoryOutbox();
    await outbox.add(write(1));
    let pushes = 0;
    const transport: SyncTransport = {
      push: async () => {
        pushes += 1;
        return { acks: [], cursor: 0, hlc: serverHlc };
      },
      pull: async () => ({ changes: [], cursor: 0, more: false, hlc: serverHlc }),
    };
    await pushPending(outbox, transport, "device", (_batch, response) => outbox.settle(response.acks));
    expect(pushes).toBe(1);
    expect(await outbox.pending()).toEqual([write(1)]);
  });
});
