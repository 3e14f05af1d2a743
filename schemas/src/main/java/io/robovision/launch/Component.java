package io.robovision.launch;

/** A started component: {@code run} blocks until {@code stop} is called from another thread. */
public record Component(Runnable run, Runnable stop) {
}
