"""Checks every browser test makes of a page it visits."""


def check_page(page):
    """One h1, the skip link is the first stop of the keyboard and moves focus to the main content."""
    assert page.locator("h1").count() == 1, page.url
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#konten"], page.url
    assert page.locator(".skip-link").is_visible()  # it shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "konten", page.url
    broken_images = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy').map(i => i.src)")
    assert broken_images == [], page.url
    assert page.console_errors == [], page.url
