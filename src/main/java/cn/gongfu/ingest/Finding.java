package cn.gongfu.ingest;

import java.util.List;

/**
 * Something in the document a person should look at: a gap in numbering, a group whose declared count
 * does not match, a target moving the wrong way. kind uses the contract's names (numbering-gap, …).
 */
public record Finding(String kind, String message, List<String> refs, int line) {
}
