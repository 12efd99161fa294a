using System.Runtime.CompilerServices;

// The layout elements are internal (as in QuestPDF); the tests exercise them one by one.
[assembly: InternalsVisibleTo("LossLab.Reports.Tests")]
