package cn.gongfu.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * OFD (GB/T 33190), the fixed-layout format of e-government documents: a zip whose OFD.xml names each document's
 * Document.xml, which lists its pages; a page's Content.xml places text objects (TextObject: a Boundary box and
 * TextCode runs at X, Y inside it, in millimetres). The text of every page is read in reading order: runs grouped
 * into lines by their baseline y, each line left to right by x. A wide gap between runs on one line (more than one and
 * a half characters' width) is a column boundary, written as a tab, so a table drawn as positioned text comes out as
 * tab-separated rows like a Word table.
 *
 * <p>Read with the JDK's zip and XML parsers: the library the brief names (ofdrw-reader 2.3.8) cannot be resolved
 * from Maven Central (its parent POM org.ofdrw:ofdrw:2.3.8 is not published there, and 2.3.7 is absent), and the
 * text layer needs nothing of ofdrw's rendering.
 */
final class OfdTextExtractor {

    private static final int MAX_PAGES = 2_000;

    private OfdTextExtractor() {
    }

    /** One run of text placed on a page. */
    private record Run(double x, double y, double size, double width, String text) {
    }

    static String extract(byte[] bytes, String fileName, ParserLimits limits) {
        ZipBombGuard.check(bytes, fileName, limits);
        Map<String, byte[]> parts = xmlParts(bytes, fileName);
        StringBuilder out = new StringBuilder();
        try {
            DocumentBuilder xml = secureBuilder();
            Document ofd = parse(xml, parts, "OFD.xml", fileName);
            NodeList roots = ofd.getElementsByTagNameNS("*", "DocRoot");
            if (roots.getLength() == 0) {
                throw new DocumentException(Texts.both("ingest.error.ofdPart", "OFD.xml DocRoot", fileName));
            }
            int pages = 0;
            for (int d = 0; d < roots.getLength(); d++) {
                String docPath = path("", roots.item(d).getTextContent());
                String docDir = docPath.contains("/") ? docPath.substring(0, docPath.lastIndexOf('/') + 1) : "";
                Document doc = parse(xml, parts, docPath, fileName);
                NodeList pageList = doc.getElementsByTagNameNS("*", "Page");
                for (int p = 0; p < pageList.getLength(); p++) {
                    if (++pages > MAX_PAGES) {
                        throw new DocumentException(Texts.both("ingest.error.ofdPages", MAX_PAGES, fileName));
                    }
                    String pagePath = path(docDir, ((Element) pageList.item(p)).getAttribute("BaseLoc"));
                    appendPage(parse(xml, parts, pagePath, fileName), out);
                }
            }
        } catch (DocumentException e) {
            throw e;
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DocumentException(Texts.both("ingest.error.corruptOfd", fileName, msg), e);
        }
        return out.toString();
    }

    private static void appendPage(Document page, StringBuilder out) {
        List<Run> runs = new ArrayList<>();
        NodeList objects = page.getElementsByTagNameNS("*", "TextObject");
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            double[] box = numbers(object.getAttribute("Boundary"));
            double size = number(object.getAttribute("Size"), 3.5);
            double x = 0;
            double y = 0;
            NodeList codes = object.getElementsByTagNameNS("*", "TextCode");
            for (int c = 0; c < codes.getLength(); c++) {
                Element code = (Element) codes.item(c);
                String text = code.getTextContent();
                // a TextCode without X or Y goes on where the one before it ended
                x = code.hasAttribute("X") ? number(code.getAttribute("X"), 0) : x;
                y = code.hasAttribute("Y") ? number(code.getAttribute("Y"), 0) : y;
                double width = width(code.getAttribute("DeltaX"), text, size);
                if (!text.isBlank()) {
                    runs.add(new Run(box[0] + x, box[1] + y, size, width, text));
                }
                x += width;
            }
        }
        runs.sort(Comparator.comparingDouble(Run::y));
        List<List<Run>> lines = new ArrayList<>();
        for (Run run : runs) {
            List<Run> line = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (line != null && Math.abs(line.get(0).y() - run.y()) <= Math.max(run.size(), line.get(0).size()) * 0.5) {
                line.add(run);
            } else {
                lines.add(new ArrayList<>(List.of(run)));
            }
        }
        for (List<Run> line : lines) {
            line.sort(Comparator.comparingDouble(Run::x));
            StringBuilder sb = new StringBuilder();
            boolean columns = false;
            double end = Double.NaN;
            for (Run run : line) {
                if (!Double.isNaN(end)) {
                    if (run.x() - end > 1.5 * run.size()) {
                        sb.append('\t');
                        columns = true;
                    } else if (run.x() - end > 0.6 * run.size() && !sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                        sb.append(' ');
                    }
                }
                sb.append(run.text().replace('\t', ' '));
                end = run.x() + run.width();
            }
            out.append(columns ? "\t" : "").append(sb.toString().strip()).append('\n');
        }
        out.append('\n');
    }

    /**
     * The advance of a run: the sum of its DeltaX (with the "g n d" repeat form), else one em per Chinese character
     * and half an em per Latin letter or digit (what Chinese fonts draw).
     */
    private static double width(String deltaX, String text, double size) {
        int chars = text.codePointCount(0, text.length());
        if (deltaX == null || deltaX.isBlank() || chars == 0) {
            return text.codePoints().mapToDouble(c -> c < 0x2E80 ? size / 2 : size).sum();
        }
        String[] t = deltaX.trim().split("\\s+");
        double sum = 0;
        int n = 0;
        for (int i = 0; i < t.length && n < chars - 1; i++) {
            if (t[i].equals("g") && i + 2 < t.length) {
                int repeat = (int) number(t[i + 1], 1);
                double d = number(t[i + 2], size);
                for (int k = 0; k < repeat && n < chars - 1; k++, n++) sum += d;
                i += 2;
            } else {
                sum += number(t[i], size);
                n++;
            }
        }
        return sum + size; // the last character's own width
    }

    private static Map<String, byte[]> xmlParts(byte[] bytes, String fileName) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = path("", entry.getName());
                if (name.toLowerCase(Locale.ROOT).endsWith(".xml")) parts.put(name, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new DocumentException(Texts.both("ingest.error.cannotUnzip", fileName, e.getMessage()), e);
        }
        return parts;
    }

    private static Document parse(DocumentBuilder xml, Map<String, byte[]> parts, String path, String fileName) throws Exception {
        byte[] part = parts.get(path);
        if (part == null) {
            throw new DocumentException(Texts.both("ingest.error.ofdPart", path, fileName));
        }
        return xml.parse(new ByteArrayInputStream(part));
    }

    /** A part's name inside the zip: locations are relative to the referring part's folder, or absolute from "/". */
    private static String path(String dir, String location) {
        String loc = location.trim().replace('\\', '/');
        String joined = loc.startsWith("/") ? loc.substring(1) : dir + loc;
        List<String> parts = new ArrayList<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static DocumentBuilder secureBuilder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no entities, no XXE
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    private static double[] numbers(String s) {
        double[] v = new double[4];
        if (s == null || s.isBlank()) return v;
        String[] t = s.trim().split("\\s+");
        for (int i = 0; i < Math.min(4, t.length); i++) v[i] = number(t[i], 0);
        return v;
    }

    private static double number(String s, double fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
