package io.polycell.searchlight.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuceneRegexTest {

    @Test
    void aPatternIsSearchedAnywhereUnlessAnchored() {
        assertThat(LuceneRegex.searching("web")).isEqualTo(".*(web).*");
        assertThat(LuceneRegex.searching("^web")).isEqualTo("(web).*");
        assertThat(LuceneRegex.searching("web$")).isEqualTo(".*(web)");
        assertThat(LuceneRegex.searching("^web-[0-9]+$")).isEqualTo("(web\\-[0-9]+)");
        assertThat(LuceneRegex.searching("a|b")).isEqualTo(".*(a|b).*");
    }

    @Test
    void charactersLuceneGivesAMeaningAreEscaped() {
        assertThat(LuceneRegex.searching("a#b@c&d<e>f~g\"h")).isEqualTo(".*(a\\#b\\@c\\&d\\<e\\>f\\~g\\\"h).*");
        assertThat(LuceneRegex.searching("v1\\.0")).isEqualTo(".*(v1\\.0).*");
        assertThat(LuceneRegex.searching("x{2,3}y{")).isEqualTo(".*(x{2,3}y\\{).*");
        assertThat(LuceneRegex.searching("ends\\$")).isEqualTo(".*(ends\\$).*");
    }

    @Test
    void shorthandClassesAreWrittenOut() {
        assertThat(LuceneRegex.searching("\\d+")).isEqualTo(".*([0-9]+).*");
        assertThat(LuceneRegex.searching("[\\w.]")).isEqualTo(".*([A-Za-z0-9_\\.]).*");
        assertThat(LuceneRegex.searching("[^a-c-]")).isEqualTo(".*([^a-c\\-]).*");
    }

    @Test
    void whatLuceneCannotSayIsRefused() {
        for (String pattern : new String[] {"a*?", "(?i)web", "(?=x)", "\\1", "a^b", "^a|b", "a|b$", "x++", "\\bword",
                "[a[b]]", "[abc"}) {
            assertThatThrownBy(() -> LuceneRegex.searching(pattern)).as(pattern)
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
