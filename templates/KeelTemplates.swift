public enum KeelTemplates {}
