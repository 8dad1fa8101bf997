/**
 * The shout compare command: CompareCommand reads the options into a plan (QuickPreset holds what
 * --quick sets), CompareRun runs it cell by cell and CellRunner measures one cell. The top of the
 * compare packages: it may use all of them, shout.load, shout.server and shout.cli; never shout.app,
 * whose main class it is handed.
 */
package shout.compare;
