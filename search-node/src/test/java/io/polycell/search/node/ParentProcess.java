package io.polycell.search.node;

import java.nio.file.Path;

/** A process that starts a node and then waits to be killed; {@link ParentGoneIT} runs it. */
final class ParentProcess {

    private ParentProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedSearchNode node = EmbeddedSearchNode.start(Path.of(args[0]), "256m", 0);
        System.out.println("node pid=" + node.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
