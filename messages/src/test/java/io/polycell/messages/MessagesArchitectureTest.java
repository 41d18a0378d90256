package io.polycell.messages;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.HostCommandNames;
import org.axonframework.serialization.Revision;

/** Messages are plain immutable records: no persistence, no Spring, only Axon's annotations. */
@AnalyzeClasses(packages = "io.polycell.messages", importOptions = ImportOption.DoNotIncludeTests.class)
class MessagesArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworkButAxonAnnotations = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "javax.persistence..", "java.sql..",
                    "org.hibernate..", "tools.jackson..", "com.fasterxml..");

    @ArchTest
    static final ArchRule messagesAreRecordsOrEnums = classes().that().areTopLevelClasses()
            .and().areNotInterfaces().and().doNotHaveSimpleName("package-info")
            .and().areNotAssignableTo(PolycellException.class).and().areNotAssignableTo(HostCommandNames.class)
            .should().beRecords().orShould().beEnums();

    @ArchTest
    static final ArchRule eventsCarryARevision = classes().that().areRecords()
            .and().haveSimpleNameEndingWith("ed").and().haveSimpleNameNotStartingWith("Record")
            .should().beAnnotatedWith(Revision.class)
            .because("events are versioned from day one; old forms are upcast, never edited");
}
