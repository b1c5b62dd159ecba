package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph of unnumbered measures, each closed by its units in brackets —
 * "…加快打造“8100”产业集群(区经信局)。建设3号青创大走廊…(区科技局)。" — into one measure per bracket.
 */
final class MeasureSplitter {

    record Measure(String text, List<String> units, int offset) {
    }

    private MeasureSplitter() {
    }

    static List<Measure> split(String paragraph) {
        List<Measure> out = new ArrayList<>();
        int segmentStart = 0;
        int i = 0;
        while (i < paragraph.length()) {
            char c = paragraph.charAt(i);
            if (c == '(' || c == '（') {
                int close = ResponsibleUnits.matchingClose(paragraph, i);
                if (close < 0) {
                    break;
                }
                String content = paragraph.substring(i + 1, close);
                boolean atEnd = close + 1 >= paragraph.length() || "。；;.".indexOf(paragraph.charAt(close + 1)) >= 0;
                if (atEnd && ResponsibleUnits.looksLikeUnits(content)) {
                    String text = paragraph.substring(segmentStart, i).trim();
                    text = text.replaceAll("^[。；;.\\s]+", "");
                    int end = close + 1;
                    while (end < paragraph.length() && "。；;.".indexOf(paragraph.charAt(end)) >= 0) {
                        end++;
                    }
                    if (!text.isEmpty()) {
                        if (!text.endsWith("。")) {
                            text = text.replaceAll("[。；;]$", "") + "。";
                        }
                        out.add(new Measure(text, ResponsibleUnits.split(content), segmentStart));
                    } else if (!out.isEmpty()) {
                        // "(区住建局、区农业农村局)" standing alone after a full stop belongs to the measure before.
                        Measure last = out.remove(out.size() - 1);
                        List<String> units = new ArrayList<>(last.units());
                        units.addAll(ResponsibleUnits.split(content));
                        out.add(new Measure(last.text(), units, last.offset()));
                    }
                    segmentStart = end;
                    i = end;
                    continue;
                }
                i = close + 1;
                continue;
            }
            i++;
        }
        String tail = paragraph.substring(Math.min(segmentStart, paragraph.length())).trim().replaceAll("^[。；;.\\s]+", "");
        if (tail.length() > 4) {
            out.add(new Measure(tail, List.of(), segmentStart));
        }
        return out;
    }

    /** Two or more unit brackets at sentence ends mark a paragraph of measures. */
    static boolean isMeasureParagraph(String paragraph) {
        List<Measure> measures = split(paragraph);
        return measures.stream().filter(m -> !m.units().isEmpty()).count() >= 2;
    }
}
