package io.polycell.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The compute role starts an agent and nothing that could read a database. */
@AnalyzeClasses(packages = "io.polycell.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class ComputeRoleArchitectureTest {

    @ArchTest
    static final ArchRule computeRoleHasNoDatabase = noClasses().that().haveSimpleName("ComputeRole")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.polycell.infra.store..",
                    "io.polycell.infra.postgres..", "org.springframework.jdbc..", "com.zaxxer..", "io.zonky..")
            .orShould().dependOnClassesThat().haveSimpleName("Polycell")
            .because("a compute agent never reads a database, in its own process least of all");
}
