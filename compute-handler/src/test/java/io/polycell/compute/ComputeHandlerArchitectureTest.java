package io.polycell.compute;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The agent never reads a database: seed 000's rule, held by the build. */
@AnalyzeClasses(packages = "io.polycell.compute", importOptions = ImportOption.DoNotIncludeTests.class)
class ComputeHandlerArchitectureTest {

    @ArchTest
    static final ArchRule agentHasNoPersistence = noClasses().that().resideInAPackage("io.polycell.compute..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.persistence..", "javax.persistence..", "java.sql..", "javax.sql..",
                    "org.springframework.jdbc..", "org.springframework.data..", "org.springframework.orm..",
                    "org.hibernate..", "org.axonframework.common.jdbc..", "org.axonframework.common.jpa..",
                    "org.axonframework.eventsourcing..", "org.axonframework.modelling..")
            .because("a compute agent never reads a database; commands carry everything it needs");
}
