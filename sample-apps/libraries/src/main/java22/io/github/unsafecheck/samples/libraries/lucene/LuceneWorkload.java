package io.github.unsafecheck.samples.libraries.lucene;

import io.github.unsafecheck.samples.libraries.Expect;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.MemorySegmentAccessInput;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Lucene indexing and searching over {@code MMapDirectory} (memory-mapped files read through {@code MemorySegment}s,
 * Lucene's default directory on 64-bit JVMs): index documents with text, stored fields, points, doc values and
 * vectors in several segments, search them, merge them into one, search again, and read the same files once more
 * through 64 KiB chunks (a file spread over several mapped segments). Every result is checked against what the
 * generator knows. Argument: an empty directory for the index.
 */
public final class LuceneWorkload {
    static final int DOCS = 3000;
    static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike"};

    private LuceneWorkload() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        Expect expect = new Expect();
        try (MMapDirectory dir = new MMapDirectory(path)) {
            index(dir, 0, DOCS / 2);
            index(dir, DOCS / 2, DOCS);
            search(expect, dir, "segments");
            mappedInputs(expect, dir);
            merge(dir);
            search(expect, dir, "merged");
        }
        try (MMapDirectory chunked = new MMapDirectory(path, 1L << 16)) {
            search(expect, chunked, "64k-chunks");
        }
        System.out.println("done");
    }

    static void index(Directory dir, int from, int to) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(500);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = from; i < to; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", "doc-" + i, Field.Store.YES));
                doc.add(new TextField("body", body(i), Field.Store.YES));
                doc.add(new IntPoint("n", i));
                doc.add(new NumericDocValuesField("square", (long) i * i));
                doc.add(new StoredField("n", i));
                doc.add(new KnnFloatVectorField("v", vector(i), VectorSimilarityFunction.EUCLIDEAN));
                writer.addDocument(doc);
            }
        }
    }

    /** Two words for i: WORDS[i % 13] and WORDS[i % 7], then "common"; every 10th document adds "tenth". */
    static String body(int i) {
        return WORDS[i % 13] + " " + WORDS[i % 7] + " common" + (i % 10 == 0 ? " tenth" : "");
    }

    static float[] vector(int i) {
        return new float[] {i, i % 17, i % 5, 1};
    }

    private static void search(Expect expect, Directory dir, String phase) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            expect.equal(DOCS, reader.numDocs(), phase + ": documents");
            expect.equal(DOCS, searcher.count(new TermQuery(new Term("body", "common"))), phase + ": common");
            expect.equal(DOCS / 10, searcher.count(new TermQuery(new Term("body", "tenth"))), phase + ": tenth");
            int expected = 0;
            int phrase = 0;
            for (int i = 0; i < DOCS; i++) {
                java.util.List<String> words = java.util.List.of(body(i).split(" "));
                expected += words.contains("delta") && words.contains("echo") ? 1 : 0;
                phrase += body(i).contains("alpha bravo") ? 1 : 0;
            }
            BooleanQuery both = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("body", "delta")), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("body", "echo")), BooleanClause.Occur.MUST).build();
            expect.isTrue(expected > 0 && phrase > 0, "the generator makes both queries match something");
            expect.equal(expected, searcher.count(both), phase + ": delta AND echo");
            expect.equal(phrase, searcher.count(new PhraseQuery("body", "alpha", "bravo")), phase + ": phrase");
            expect.equal(101, searcher.count(IntPoint.newRangeQuery("n", 1000, 1100)), phase + ": point range");

            TopDocs hit = searcher.search(new TermQuery(new Term("id", "doc-2345")), 1);
            expect.equal(1L, hit.totalHits.value(), phase + ": id lookup");
            int docId = hit.scoreDocs[0].doc;
            StoredFields stored = searcher.storedFields();
            Document doc = stored.document(docId);
            expect.equal(body(2345), doc.get("body"), phase + ": stored body");
            expect.equal(2345, doc.getField("n").numericValue().intValue(), phase + ": stored n");
            var leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(docId, reader.leaves()));
            NumericDocValues squares = leaf.reader().getNumericDocValues("square");
            expect.isTrue(squares.advanceExact(docId - leaf.docBase), phase + ": doc values present");
            expect.equal(2345L * 2345, squares.longValue(), phase + ": doc value");

            TopDocs nearest = searcher.search(new KnnFloatVectorQuery("v", vector(777), 10), 10);
            ScoreDoc best = nearest.scoreDocs[0];
            expect.equal("doc-777", stored.document(best.doc).get("id"), phase + ": nearest vector");
        }
        expect.done("lucene-search " + phase);
    }

    /** The index files really are read through mapped memory segments. */
    private static void mappedInputs(Expect expect, Directory dir) throws IOException {
        int mapped = 0;
        for (String file : dir.listAll()) {
            if (file.equals("write.lock")) {
                continue;
            }
            try (IndexInput in = dir.openInput(file, IOContext.DEFAULT)) {
                mapped += in instanceof MemorySegmentAccessInput ? 1 : 0;
            }
        }
        expect.isTrue(mapped > 5, "index files read through MemorySegments: " + mapped);
        expect.done("lucene-mmap " + mapped + " mapped files");
    }

    private static void merge(Directory dir) throws IOException {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.forceMerge(1);
        }
    }
}
