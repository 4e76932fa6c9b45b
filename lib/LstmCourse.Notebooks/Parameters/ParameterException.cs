namespace LstmCourse.Notebooks.Parameters;

/// <summary>A <c>-p name=value</c> the notebook cannot take; the message names the parameter and what to do.</summary>
public sealed class ParameterException(string message) : Exception(message);
