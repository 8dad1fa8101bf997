package shout.load.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import shout.load.Expectation;

class PayloadSlabTest {

    @Test
    void countsEveryWrongByteWhereverItFalls() {
        int size = 21;                                      // two whole words and a five-byte tail
        PayloadSlab slab = new PayloadSlab(size, 1, 2);
        slab.add(Payload.forConnection(7, 0, size, Expectation.UPPER));
        Payload second = Payload.forConnection(7, 1, size, Expectation.UPPER);
        int slot = slab.add(second);
        ByteBuffer reply = ByteBuffer.allocateDirect(64);
        reply.put(3, second.expectedReply());               // the reply sits at offset 3 of the read buffer
        assertEquals(0, slab.countWrong(slot, 0, reply, 3, size));
        for (int wrong : new int[] {0, 7, 8, 15, 16, 20}) {   // word edges and the tail
            reply.put(3 + wrong, (byte) Character.toLowerCase(reply.get(3 + wrong)));
        }
        assertEquals(6, slab.countWrong(slot, 0, reply, 3, size));
        assertEquals(3, slab.countWrong(slot, 15, reply, 3 + 15, 6));   // a piece from 15 on: 15, 16, 20
    }

    @Test
    void theFirstBytesOfAnySlotCanBeSetAfterAnotherSlotsWrite() {
        PayloadSlab slab = new PayloadSlab(4, 1, 2);
        slab.add(Payload.forConnection(7, 0, 4, Expectation.UPPER));
        int second = slab.add(Payload.forConnection(7, 1, 4, Expectation.UPPER));
        slab.sendRing(0, 0, 4);                             // a write of slot 0 narrows the ring buffer's limit to it
        slab.setFirstBytes(second, (byte) 1, (byte) 2);
        assertEquals(1, slab.firstRequestByte(second));
        assertEquals(2, slab.firstReplyByte(second));
        assertEquals(1, slab.sendRing(second, 0, 4).get(), "what the next write of slot 1 sends");
    }

    @Test
    void nonZeroBytesCountsBytesNotBits() {
        assertEquals(0, PayloadSlab.nonZeroBytes(0));
        assertEquals(1, PayloadSlab.nonZeroBytes(0x80));
        assertEquals(1, PayloadSlab.nonZeroBytes(0x0100_0000_0000_0000L));
        assertEquals(8, PayloadSlab.nonZeroBytes(-1));
        assertEquals(3, PayloadSlab.nonZeroBytes(0x0101_0000_0000_0000L | 0x7F));
    }
}
