/**
 * The shout chat command: the classic prompt loop against any server, one line out, the
 * upper-cased line back. It uses shout.cli only.
 */
package shout.chat;
