package shout.compare;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shout.compare.plan.Cell;
import shout.compare.process.CellFailure;
import shout.compare.process.LoadRunner;
import shout.load.LoadReport;

/**
 * A stand-in for {@code shout load} in tests: opens the cell's connections, sends one message on each,
 * checks the upper-cased reply, and reports that as the measurement. Real sockets, no child process.
 */
final class RoundTripLoad implements LoadRunner {

    private static final byte[] MESSAGE = "hello, shout".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXPECTED = "HELLO, SHOUT".getBytes(StandardCharsets.US_ASCII);

    @Override
    public LoadReport run(Cell cell, String host, int port) throws CellFailure, IOException {
        long startNanos = System.nanoTime();
        List<Socket> sockets = new ArrayList<>();
        long mismatches = 0;
        try {
            for (int i = 0; i < cell.connections(); i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(MESSAGE);
            }
            for (Socket socket : sockets) {
                mismatches += java.util.Arrays.equals(EXPECTED, socket.getInputStream().readNBytes(EXPECTED.length)) ? 0 : 1;
            }
        } catch (java.net.ConnectException e) {
            throw new CellFailure("could not connect: " + e.getMessage());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long messages = cell.connections();
        double megabytesPerSecond = messages * MESSAGE.length / seconds / 1e6;
        double micros = seconds * 1e6;
        // clientCpuSeconds: a client that waited for the server nine tenths of the time, so no cell reads client-bound
        return new LoadReport(new LoadReport.Run(host + ":" + port, 1, false, MESSAGE.length, 1, null, "2026-11-30T00:00:00Z", false),
                new LoadReport.ConnectionCounts(cell.connections(), cell.connections(), 0),
                new LoadReport.Throughput(seconds, messages, messages / seconds, megabytesPerSecond, megabytesPerSecond, List.of()),
                new LoadReport.Latency(micros / 2, micros, micros, micros, micros, micros / 2),
                mismatches == 0 ? Map.of() : Map.of("mismatch", mismatches),
                new LoadReport.Fairness(1, 1, 1, 0),
                new LoadReport.Client(seconds / 10, "blocking", "test", "localhost"), null, null);
    }
}
