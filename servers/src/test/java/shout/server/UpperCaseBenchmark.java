package shout.server;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shared transform against a plain byte loop. Every benchmark first copies a fresh mixed-case
 * payload in (the same cost for all, measured alone by {@code copyOnly}), so the plain loop's
 * branches cannot learn that everything is already upper case. Run with {@code ./shout bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UpperCaseBenchmark {

    @Param({"64", "16384", "1048576"})
    private int sizeBytes;

    private byte[] source;
    private byte[] work;
    private ByteBuffer direct;

    @Setup
    public void fill() {
        source = new byte[sizeBytes];
        Random random = new Random(1);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.\n";
        for (int i = 0; i < sizeBytes; i++) {
            source[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        work = new byte[sizeBytes];
        direct = ByteBuffer.allocateDirect(sizeBytes);
    }

    @Benchmark
    public byte[] copyOnly() {
        System.arraycopy(source, 0, work, 0, sizeBytes);
        return work;
    }

    @Benchmark
    public byte[] plainByteLoop() {
        System.arraycopy(source, 0, work, 0, sizeBytes);
        for (int i = 0; i < sizeBytes; i++) {
            byte b = work[i];
            if (b >= 'a' && b <= 'z') {
                work[i] = (byte) (b - 32);
            }
        }
        return work;
    }

    @Benchmark
    public byte[] branchFreeByteLoop() {
        System.arraycopy(source, 0, work, 0, sizeBytes);
        for (int i = 0; i < sizeBytes; i++) {
            int b = work[i];
            int isLower = (((b - 'a') & 0xFF) - 26) >>> 31;
            work[i] = (byte) (b ^ (isLower << 5));
        }
        return work;
    }

    @Benchmark
    public byte[] sharedTransformOnArray() {
        System.arraycopy(source, 0, work, 0, sizeBytes);
        UpperCase.inPlace(work, 0, sizeBytes);
        return work;
    }

    @Benchmark
    public ByteBuffer sharedTransformOnDirectBuffer() {
        direct.clear();
        direct.put(source).flip();
        UpperCase.inPlace(direct, 0, sizeBytes);
        return direct;
    }
}
