package cn.gongfu.ingest;

import java.time.LocalDate;

/**
 * What a government page says about the document itself (政务公开 needs it): 文号 (文件编号 / 发文文号 /
 * 发文字号), 索引号 (索取号) and the date it was issued (成文日期, else 发文日期, else the date under the
 * issuer's signature, else 发布日期). Any of them may be null; {@link #EMPTY} when the page gives none.
 */
public record DocumentMetadata(String docNumber, String indexNumber, LocalDate issuedOn) {

    public static final DocumentMetadata EMPTY = new DocumentMetadata(null, null, null);

    public boolean isEmpty() {
        return docNumber == null && indexNumber == null && issuedOn == null;
    }
}
