//! Cutting long work into tasks, so that the page stays responsive while a widget starts.

/// Lets the browser run what is waiting (input, rendering, other widgets) before going on:
/// work cut at these points never blocks the page for its whole length.
pub async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits `ms` milliseconds.
pub async fn after(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}
