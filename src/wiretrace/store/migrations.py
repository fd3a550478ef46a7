"""Schema migrations, applied in order and recorded in the database (table ``migrations``)."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "articles, artefacts, rejections, links, full-text index",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            sha TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            locator TEXT,
            format TEXT,
            site TEXT,
            url TEXT,
            title TEXT,
            byline TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX articles_site ON articles(site);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE artefacts (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX artefacts_article ON artefacts(article_id);
        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            title TEXT,
            published TEXT
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='unicode61'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        """,
    ),
    (
        "signatures, near-duplicates, stories",
        """
        CREATE TABLE signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            algorithm TEXT NOT NULL,
            version TEXT NOT NULL,
            num_perm INTEGER NOT NULL,
            shingle INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE near_duplicates (
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            jaccard REAL NOT NULL,
            containment_ab REAL NOT NULL,
            containment_ba REAL NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            first_article INTEGER NOT NULL UNIQUE
        );
        CREATE TABLE story_articles (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, article_id)
        );
        CREATE INDEX story_articles_article ON story_articles(article_id);
        CREATE TABLE story_edges (
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );
        """,
    ),
    (
        "alignments, derivations, claims, changes, facts",
        """
        CREATE TABLE alignments (
            story_id INTEGER NOT NULL,
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            reuse_a REAL NOT NULL,
            reuse_b REAL NOT NULL,
            pairs TEXT NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE INDEX alignments_story ON alignments(story_id);
        CREATE TABLE derivations (
            article_id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL,
            type TEXT NOT NULL,
            parent INTEGER,
            upstream TEXT,
            score REAL NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX derivations_story ON derivations(story_id);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            subject TEXT,
            predicate TEXT,
            value TEXT,
            attributed_to TEXT
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL,
            article INTEGER NOT NULL,
            versus INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            versus_text TEXT NOT NULL,
            explanation TEXT NOT NULL,
            span TEXT,
            versus_span TEXT
        );
        CREATE INDEX changes_story ON changes(story_id);
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL,
            statement TEXT NOT NULL,
            support TEXT NOT NULL,
            variants TEXT NOT NULL,
            disputed INTEGER NOT NULL
        );
        CREATE INDEX facts_story ON facts(story_id);
        """,
    ),
    (
        "story sizes, for a story list paged in SQL",
        """
        ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
        UPDATE stories SET size = (SELECT count(*) FROM story_articles WHERE story_id = stories.id);
        CREATE INDEX stories_by_size ON stories(size DESC, id);
        """,
    ),
]
