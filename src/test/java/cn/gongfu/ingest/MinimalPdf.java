package cn.gongfu.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a small PDF whose pages show the given lines in a CID font without an embedded font file (none with
 * Chinese glyphs is installed here): codes are UTF-16 units and a ToUnicode map makes them extractable, which
 * is all Tika needs. One line per text row, so Tika sees a wrapped text the way it sees a typeset plan.
 */
final class MinimalPdf {

    private MinimalPdf() {
    }

    static byte[] write(List<List<String>> pages) {
        List<String> objects = new ArrayList<>();
        // 1 catalog, 2 pages, 3 font, 4 descendant font, 5 ToUnicode; then page + content pairs.
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < pages.size(); p++) {
            kids.append(6 + 2 * p).append(" 0 R ");
        }
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
        objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
                + "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>");
        objects.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
                + "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
                + "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>");
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                + "/CMapName /Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        for (int block = 0; block < 256; block += 100) {
            int n = Math.min(100, 256 - block);
            cmap.append(n).append(" beginbfrange\n");
            for (int hi = block; hi < block + n; hi++) {
                String h = String.format("%02X", hi);
                cmap.append('<').append(h).append("00> <").append(h).append("FF> <").append(h).append("00>\n");
            }
            cmap.append("endbfrange\n");
        }
        cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end");
        objects.add(stream(cmap.toString()));
        for (List<String> lines : pages) {
            int contentObj = objects.size() + 2;
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                    + contentObj + " 0 R >>");
            StringBuilder content = new StringBuilder("BT /F1 14 Tf 16 TL 60 790 Td\n");
            for (String line : lines) {
                content.append('<');
                for (char c : line.toCharArray()) {
                    content.append(String.format("%04X", (int) c));
                }
                content.append("> Tj T*\n");
            }
            content.append("ET");
            objects.add(stream(content.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int o : offsets) {
            x.append(String.format("%010d 00000 n \n", o));
        }
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
    }

    private static String stream(String body) {
        return "<< /Length " + body.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + body + "\nendstream";
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }
}
