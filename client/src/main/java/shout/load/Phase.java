package shout.load;

/** The phases of a load run, in order: connect, warm up (optional), measure, stop. */
public enum Phase { CONNECT, WARMUP, MEASURE, STOP }
