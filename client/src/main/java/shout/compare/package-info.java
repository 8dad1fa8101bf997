/**
 * The shout compare command: CompareCommand reads the options into a plan, CompareRun runs it
 * cell by cell and CellRunner measures one cell. The top of the compare packages: it may use all
 * of them.
 */
package shout.compare;
