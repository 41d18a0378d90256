package io.polycell.search.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The launcher runs inside the Spring Boot application, where no Elasticsearch server class may load. */
class LauncherArchitectureTest {

    @Test
    void theLauncherNeedsOnlyTheJdkAndSlf4j() {
        classes().that().resideInAPackage("io.polycell.search.node..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.slf4j..",
                        "io.polycell.search.node..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.polycell.search.node"));
    }
}
