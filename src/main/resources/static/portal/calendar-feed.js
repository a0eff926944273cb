// The copy button next to a feed address just issued: copies the address and says so.
document.querySelectorAll('button[data-copy]').forEach((button) => {
  button.addEventListener('click', async () => {
    const input = document.getElementById(button.dataset.copy);
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      button.textContent = button.dataset.copied;
    } catch (refused) {
      // No clipboard access (an insecure origin or a refused permission): the address stays selected.
    }
  });
});
