package shout.client;

import java.util.List;

/**
 * Everything a comparison produced; {@code results.json} is this record.
 *
 * @param commandLine the exact command line
 * @param machine     where and when
 * @param pinning     what was pinned to which CPUs, or why nothing was
 * @param settings    the settings every cell shared
 * @param wallSeconds how long all cells took, to check the estimate said up front
 * @param cells       one per target and connection count, failed ones included
 */
record CompareResult(String commandLine, MachineInfo machine, String pinning, Settings settings, double wallSeconds,
                     List<CellResult> cells) {

    /**
     * @param sizeBytes       bytes per message
     * @param pipeline        messages in flight per connection
     * @param warmupSeconds   discarded warm-up per cell
     * @param durationSeconds measured part per cell
     * @param serverArgs      extra arguments every server got
     */
    record Settings(int sizeBytes, int pipeline, double warmupSeconds, double durationSeconds, List<String> serverArgs) {
    }
}
