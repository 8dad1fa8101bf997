/**
 * The shout compare command: CompareCommand reads the options (in groups: RowOptions, ScheduleOptions,
 * CellOptions) into a plan (QuickPreset holds what --quick sets), CompareSession runs and saves it,
 * CompareRun cell by cell or CapacityRun step by step of a capacity search, and CellRunner measures one
 * cell. The top of the compare packages: it may use all of them, shout.load, the server API (shout.server: Mode, Work), the
 * server's option types (shout.server.options) and shout.cli. It reaches a server only through its
 * command line, never shout.server.app or a mode's code, and never shout.app, whose main classes it is
 * handed. LayeringTest holds these arrows.
 */
package shout.compare;
