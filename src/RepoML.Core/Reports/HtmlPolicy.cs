namespace RepoML.Core.Reports;

/// <summary>
/// The Content-Security-Policy of the standalone reports (comparison, monitor): they carry no script and fetch nothing, so the policy
/// admits none and only their inline style; a value that ever escaped its encoding could then neither run a script nor load anything.
/// (The registry site has its own policy, which admits its one script by hash.)
/// </summary>
public static class HtmlPolicy
{
    public const string NoScripts = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; " +
        "img-src data:; base-uri 'none'; form-action 'none'\">";
}
