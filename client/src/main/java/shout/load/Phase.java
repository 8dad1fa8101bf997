package shout.load;

/**
 * The phases of a load run, in order: connect, wait for {@code --start-at} (optional), warm up
 * (optional), measure, stop. The I/O threads send nothing before the warm-up; they never see
 * {@link #WAIT}, which only the progress reports (they stay in {@link #CONNECT}, idle once connected).
 */
public enum Phase { CONNECT, WAIT, WARMUP, MEASURE, STOP }
