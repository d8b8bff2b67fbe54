package dev.toolsmith.runtime.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination for every list method. A cursor is an opaque token naming the list and the
 * offset of the next page, so a cursor of one list is refused by another.
 */
final class Paging {
  private Paging() {}

  /** One page of a list, and the cursor of the next page or {@code null}. */
  record Page<T>(List<T> items, String nextCursor) {}

  /**
   * Returns one page.
   *
   * @param list the list's name in its method, such as {@code tools} for {@code tools/list}
   * @param cursor the {@code cursor} a previous page returned, or {@code null} for the first page
   * @throws ProtocolException -32602 when the cursor is not one this server issued for this list
   */
  static <T> Page<T> page(String list, List<T> items, String cursor, int pageSize) {
    int from = cursor == null ? 0 : decode(list, cursor, items.size());
    int to = Math.min(items.size(), from + pageSize);
    String next = to < items.size() ? encode(list, to) : null;
    return new Page<>(items.subList(from, to), next);
  }

  private static int decode(String list, String cursor, int size) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(list + ":")) {
        int offset = Integer.parseInt(text.substring(list.length() + 1));
        if (offset > 0 && offset < size) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the error below: the client sent something we never issued.
    }
    throw ProtocolException.invalidParams(
        "Invalid cursor '"
            + cursor
            + "'. Pass the nextCursor of the previous "
            + list
            + "/list result unchanged, or omit it for the first page.");
  }

  private static String encode(String list, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((list + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }
}
