/**
 * The shout chat command: the classic prompt loop against any server, one line out, the
 * upper-cased line back. It uses shout.cli and shout.server (for the default address).
 */
package shout.chat;
