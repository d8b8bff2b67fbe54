package dev.toolsmith.examples.board;

/**
 * A message on the board.
 *
 * @param id the message's number, in posting order
 * @param author the verified subject of whoever posted it
 * @param text what they wrote
 * @param postedAt when, as an ISO-8601 local date-time in the database's time zone
 */
public record Message(long id, String author, String text, String postedAt) {}
