/** Whether a repository-relative path is a GitHub Actions workflow: `.github/workflows/<name>.yml|yaml` (no subfolders). */
export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}
